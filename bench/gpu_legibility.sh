#!/usr/bin/env bash
# The legibility benchmark's GPU table (issue 7): bubble crops at 64 px, every default arm, 3 seeds, on one CUDA device.
# Run from the repository root on a machine with a GPU and torch (diffusers and the font travel as wheels in .whl/ when
# the machine cannot install packages). Tesseract is not needed there: the runs are made with --no-tesseract, copied
# back, and read here with `python bench/bench_legibility.py --data bubbles --size 64 ... --add-tesseract --report-only`
# (same options as below).
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
ARGS="--data bubbles --size 64 --steps 1500 --per-class 96 --samples-per-class 10 --judge-steps 1500 --vae-steps 1500
      --prediction-type sample --seeds 0,1,2 --work runs/legibility-bubbles-gpu"
timeout "${HARD_LIMIT:-480}" python3 bench/bench_legibility.py $ARGS --device cuda --no-tesseract --time-budget "${TIME_BUDGET:-330}" \
  --out "$OUT/results" || echo "bench_legibility exited with $? (a cut run keeps every finished arm × seed)"
tar czf "$OUT/work.tgz" --exclude='bubble-root-*' runs/legibility-bubbles-gpu
