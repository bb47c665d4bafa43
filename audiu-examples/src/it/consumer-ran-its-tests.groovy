// Post-build check of the consumer project (audiu-examples/consumer), run by maven-invoker-plugin in its copy under
// audiu-examples/target/it/consumer. Surefire fails the build on a failing test, and the consumer's pom fails it when
// no test ran at all; this also fails it when one of the consumer's test classes did not run (a test class Surefire
// does not pick up, a contract test that silently runs nothing).
// consumerDirectory: set in audiu-examples/pom.xml (the hook's basedir is the script's own folder)
def reports = new File(consumerDirectory, 'target/surefire-reports')
def expectedSuites = [
    'com.example.releaseera.ReleaseEraScorerContractTest',
    'com.example.releaseera.ReleaseEraScorerTest',
    'com.example.releaseera.RecommendOnTheDemoTest',
]
int total = 0
for (suite in expectedSuites) {
    def report = new File(reports, "TEST-${suite}.xml")
    if (!report.isFile()) {
        throw new AssertionError("The consumer project did not run ${suite}: no ${report}")
    }
    def counts = (report.getText('UTF-8') =~ /<testsuite\b[^>]*?\btests="(\d+)"/)
    int tests = counts.find() ? counts.group(1) as int : 0
    if (tests == 0) {
        throw new AssertionError("The consumer project ran no test of ${suite} (${report})")
    }
    println "consumer: ${suite} ran ${tests} tests"
    total += tests
}
println "consumer: ${total} tests in ${expectedSuites.size()} classes"
return true
