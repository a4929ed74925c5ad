def out = new File(basedir, 'target/gpushare')
['claim.yaml', 'vllm.yaml'].each { name ->
  def actual = new File(out, name).getText('UTF-8')
  def expected = new File(basedir, "expected/${name}").getText('UTF-8')
  assert actual == expected : "target/gpushare/${name} differs from the tutorial's ${name}"
}
assert new File(out, 'dra-driver-values.yaml').getText('UTF-8').contains('TimeSlicingSettings: true')
def log = new File(basedir, 'build.log').text
assert log.contains('gpushare: rendering com.example.TutorialManifests')
