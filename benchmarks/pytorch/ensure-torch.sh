#!/usr/bin/env bash
# Finds a Python with PyTorch and NumPy for the PyTorch counterparts (pis_lv_step.py, dgemm_peak.py) and prints its
# path; on a fresh Debian machine without them it installs Debian's python3-torch, python3-numpy and
# libopenblas0-pthread (root, apt-get), since those are the builds BENCHMARKS.md compares against. OpenBLAS matters:
# Debian's torch takes its BLAS from libblas.so.3, which without libopenblas0 is the reference BLAS (far slower: a
# comparison against it flatters us). Exit 1 with the command to run when it can do neither.
#   PY=$(benchmarks/pytorch/ensure-torch.sh)
set -euo pipefail
for py in "${PYTHON:-}" /usr/bin/python3 python3; do
  [ -n "$py" ] || continue
  if "$py" -c 'import torch, numpy, ctypes.util, sys; sys.exit(ctypes.util.find_library("openblas") is None)' 2>/dev/null; then
    command -v "$py"; exit 0
  fi
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "# installing Debian's python3-torch, python3-numpy and libopenblas0-pthread (apt-get)" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch python3-numpy \
      libopenblas0-pthread >&2
  if /usr/bin/python3 -c 'import torch, numpy' 2>/dev/null; then echo /usr/bin/python3; exit 0; fi
fi
echo "no Python with torch, numpy and OpenBLAS: run  sudo apt-get update && sudo apt-get install python3-torch python3-numpy libopenblas0-pthread" \
     "(or set PYTHON=/path/to/python3)" >&2
exit 1
