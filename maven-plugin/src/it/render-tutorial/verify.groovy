def out = new File(basedir, 'target/gpushare')
['claim.yaml', 'vllm.yaml'].each { name ->
  def actual = new File(out, name).getText('UTF-8')
  def expected = new File(basedir, "expected/${name}").getText('UTF-8')
  assert actual == expected : "target/gpushare/${name} differs from the tutorial's ${name}"
}
// the driver's Helm values are no Kubernetes object: not in the manifest directory unless <driverValues> asks
assert !new File(out, 'dra-driver-values.yaml').exists()
def log = new File(basedir, 'build.log').text
assert log.contains('gpushare: rendering com.example.TutorialManifests')
// the tutorial's image error is kept on purpose: reported with its reason, and the files were written
assert log.contains('gpushare: ERROR (acknowledged: reproduces the GKE tutorial as published) VLLM_IMAGE_TOO_OLD Deployment[vllm-gpu].spec.template.spec.containers[0].image')
