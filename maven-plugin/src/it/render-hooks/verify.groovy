def out = new File(basedir, 'target/gpushare')
assert out.list().sort() == ['claim.yaml', 'config.yaml', 'vllm.yaml'] : "target/gpushare holds ${out.list()}"
def vllm = new File(out, 'vllm.yaml').getText('UTF-8')
assert vllm.contains('      runtimeClassName: nvidia\n') : 'the pod hook is not in vllm.yaml'
assert vllm.contains('  loadBalancerSourceRanges:\n  - 10.0.0.0/8\n') : 'the Service hook is not in vllm.yaml'
assert new File(out, 'config.yaml').getText('UTF-8') == 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: vllm-config\ndata:\n  max-model-len: "2048"\n'
assert new File(basedir, 'target/dra-driver-values.yaml').getText('UTF-8').contains('TimeSlicingSettings: true')
def log = new File(basedir, 'build.log').text
assert log.contains('gpushare: rendering com.example.HookedManifests')
