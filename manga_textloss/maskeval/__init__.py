"Stage 3, mask evaluation: independent renderers with ground truth, never used for training."
