"Stage 4, judging: OCR readers, the learned judge, validation and scoring of samples."
