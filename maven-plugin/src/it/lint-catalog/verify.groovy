def log = new File(basedir, 'build.log').text
assert log.contains('ERROR MODEL_DOES_NOT_FIT Deployment[vllm-gpu].spec.template.spec.containers[0].args[2]: expected the weights of acme/acme-chat-40b (74.7 GiB) to fit in 0.42 x 95.5 GiB = 40.1 GiB')
assert !log.contains('GPU_PRODUCT_UNKNOWN')
assert log.contains('gpushare: lint found 1 error, 3 warnings')
assert log.contains('BUILD FAILURE')
