def log = new File(basedir, 'build.log').text
assert log.contains("ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.26 of the GPU's memory requested (limit 1.00): Deployment[vllm-gpu] 3 x 0.42")
assert log.contains('gpushare: lint found 2 errors, 1 warning')
assert log.contains('BUILD FAILURE')
