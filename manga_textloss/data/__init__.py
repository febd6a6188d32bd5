"Stage 1, data: the Manga109 reader, counts and exploration, the synthetic default and its styles, crops."
