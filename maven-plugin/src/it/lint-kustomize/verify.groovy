def log = new File(basedir, 'build.log').text
// prod's patch takes the shared GPU to 3 x 0.42: judged on the patched Deployment
assert log.contains('ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.26 of the GPU\'s memory requested (limit 1.00): Deployment[vllm-gpu] 3 x 0.42')
// the patch is no object of its own, and the two overlays' copies of the base are no duplicates
assert !log.contains('DUPLICATE_NAME')
assert !log.contains('replicas.yaml:1: INFO NOT_A_KUBERNETES_OBJECT')
assert log.contains('gpushare: lint found 1 error')
