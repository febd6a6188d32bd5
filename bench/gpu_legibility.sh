#!/usr/bin/env bash
# The legibility benchmark's GPU table: the demo's engine (notebook 11) at 64 px, the demo's arms, 3 seeds, on one CUDA device.
# Run from the repository root on a machine with a GPU and torch (diffusers and the font travel as wheels in .whl/ when
# the machine cannot install packages). Tesseract is not needed there: the runs are made with --no-tesseract, copied
# back, and reported here with `mtl bench-legibility <the same options> --report-only`.
#   OUT=<folder for the copied-back work tarball and log>  TIME_BUDGET=<seconds of training>  bash bench/gpu_legibility.sh
set -euo pipefail
OUT=${OUT:-runs/gpu-legibility}; mkdir -p "$OUT"
if [ -d .whl ]; then
  python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl
  export PYTHONPATH=/tmp/site:$PWD
else export PYTHONPATH=$PWD; fi
export PYTHONUNBUFFERED=1
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
python3 -c "import torch, diffusers; print('torch', torch.__version__, 'diffusers', diffusers.__version__, torch.cuda.get_device_name())"
ARGS="--resolution 64 --steps 1500 --latent-steps 1500 --vae-steps 1500 --judge-steps 1500 --samples-per-text 10 --pages 40
      --seeds 0,1,2 --no-tesseract --work runs/legibility-gpu --stem legibility-gpu"
timeout "${HARD_LIMIT:-480}" python3 -m manga_textloss.cli bench-legibility $ARGS --device cuda --time-budget "${TIME_BUDGET:-330}" \
  --out "$OUT/results" || echo "bench-legibility exited with $? (a cut run keeps every finished arm × seed)"
tar czf "$OUT/work.tgz" --exclude='data' runs/legibility-gpu
