"Stage 2, masks: candidate generators (SAM, box ink, the text segmenter), the paper's rule and the extraction job."
