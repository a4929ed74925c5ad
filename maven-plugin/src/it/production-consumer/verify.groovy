// the plugin rendered at process-classes, the user's JUnit 5 test passed, and the CLI renders the same
// ManifestSource from the project's classes byte for byte
def out = new File(basedir, 'target/gpushare')
assert out.list().sort() == ['cache.yaml', 'claim.yaml', 'vllm.yaml'] : "target/gpushare holds ${out.list()}"
def vllm = new File(out, 'vllm.yaml').getText('UTF-8')
assert vllm.contains('kind: StatefulSet\n') && vllm.contains('      runtimeClassName: nvidia\n')
def report = new File(basedir, 'target/surefire-reports/TEST-com.example.ProductionManifestsTest.xml').text
assert report.contains('tests="1"') && report.contains('failures="0"') && report.contains('errors="0"')

def cliDir = new File(localRepositoryPath, 'io/gpushare/gpushare-cli')
def jar = cliDir.listFiles().collect { v -> new File(v, "gpushare-cli-${v.name}.jar") }.find { it.isFile() }
assert jar != null : "no gpushare-cli jar under ${cliDir}"
def cli = new File(basedir, 'target/cli')
def java = new File(System.getProperty('java.home'), 'bin/java').path
def process = [java, '-jar', jar.path, 'render', '--source', 'com.example.ProductionManifests',
               '--classpath', new File(basedir, 'target/classes').path, '--out', cli.path].execute()
def stderr = new StringBuilder()
process.consumeProcessErrorStream(stderr)
process.waitFor()
assert process.exitValue() == 0 : "render --source exited ${process.exitValue()}: ${stderr}"
['cache.yaml', 'claim.yaml', 'vllm.yaml'].each { name ->
  assert new File(cli, name).getText('UTF-8') == new File(out, name).getText('UTF-8') : "render --source wrote another ${name}"
}
true
