#!/usr/bin/env sh
# Build the image and run it; the emulator answers on http://127.0.0.1:4010.
set -e
docker build -t gpt-image-emulator .
docker run --rm -p 4010:4010 \
  -e EMULATOR_TIMING=instant \
  -e EMULATOR_SEED=local-dev \
  gpt-image-emulator
# In another shell:
#   curl -s http://127.0.0.1:4010/__emulator/health
#   curl -s http://127.0.0.1:4010/gptproto/v1/images/generations -H 'Authorization: sk-test' \
#     -H 'Content-Type: application/json' -d '{"model":"gpt-image-2","prompt":"a cat"}'
