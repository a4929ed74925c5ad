def log = new File(basedir, 'build.log').text
assert log.contains('WARNING ROLLOUT_SURGE_OVERCOMMIT Deployment[vllm-gpu].spec.strategy')
// the image error is acknowledged by the Deployment's gpushare.io/acknowledge annotation: reported, not failing
assert log.contains('ERROR (acknowledged: reproduces the GKE tutorial as published) VLLM_IMAGE_TOO_OLD Deployment[vllm-gpu].spec.template.spec.containers[0].image')
assert log.contains('gpushare: 0 errors, 3 warnings, 1 acknowledged in 2 file(s)')
assert log.contains('BUILD SUCCESS')
assert log.contains('WARNING VLLM_STARTUP_RACE ResourceClaim[gpu-claim]')
