def log = new File(basedir, 'build.log').text
assert log.contains('gpushare: lint skipped (gpushare.skip)')
assert !log.contains('GPU_MEMORY_OVERCOMMIT')
assert log.contains('BUILD SUCCESS')
