def log = new File(basedir, 'build.log').text
assert log.contains('WARNING ROLLOUT_SURGE_OVERCOMMIT Deployment[vllm-gpu].spec.strategy')
assert log.contains('gpushare: 0 errors, 4 warnings in 2 file(s)')
assert log.contains('BUILD SUCCESS')
assert log.contains('WARNING VLLM_STARTUP_RACE ResourceClaim[gpu-claim]')
