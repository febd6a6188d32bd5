"Stage 6, experiments: the legibility benchmark, the runner, galleries, reports and the demo."
