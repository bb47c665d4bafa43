package org.audiu.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.audiu.cli.AudiuCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code audiu serve} on the command line: help, one-line errors with exit code 2, a real start and stop. */
class ServeCommandTest {
    private record Run(int exit, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AudiuCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void serveIsListedAndDocumentsItsOptions() {
        assertTrue(cli("--help").out().contains("serve"));
        Run help = cli("serve", "--help");
        assertEquals(0, help.exit());
        for (String option : new String[] {"--port", "--host", "--config", "--genre-model", "--recommend-model",
            "--cache"}) {
            assertTrue(help.out().contains(option), option + " in " + help.out());
        }
    }

    @Test
    void aBadPortIsAOneLineError() {
        Run r = cli("serve", "--port", "70000");
        assertEquals(AudiuCli.EXIT_BAD_INPUT, r.exit());
        assertEquals("error: --port must be from 0 to 65535, got 70000", r.err().strip());
    }

    @Test
    void theUploadBenchRefusesKeptRecommenders() {
        Run r = cli("serve", "--bench-uploads", "--keep-recommenders", "4");
        assertEquals(AudiuCli.EXIT_BAD_INPUT, r.exit());
        assertTrue(r.err().startsWith("error: --bench-uploads measures uploads answered from scratch"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + r.err());
    }

    @Test
    void anUnknownTrainerFailsWithSuggestions() {
        Run r = cli("serve", "--genre-model", "random-forrest");
        assertEquals(AudiuCli.EXIT_BAD_INPUT, r.exit());
        assertTrue(r.err().contains("No trainer named 'random-forrest'") && r.err().contains("random-forest"),
                r.err());
        Run params = cli("serve", "--genre-model", "logistic", "--genre-param", "trees=3");
        assertEquals(AudiuCli.EXIT_BAD_INPUT, params.exit());
        assertTrue(params.err().contains("--genre-param trees"), params.err());
    }

    @Test
    void aPortInUseIsAOneLineError() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run r = cli("serve", "--port", Integer.toString(busy.getLocalPort()), "--genre-model", "logistic",
                    "--json");
            assertEquals(AudiuCli.EXIT_BAD_INPUT, r.exit(), r.err());
            assertTrue(r.err().startsWith("error: Cannot listen on 127.0.0.1:" + busy.getLocalPort()), r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + r.err());
        }
    }

    @Test
    void servesUntilStopped() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ServeCommand(stop));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exit.set(cli.execute("--port", "0", "--genre-model", "logistic", "--json")),
                "serve-under-test");
        serving.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!out.toString().contains("\"url\"") && System.nanoTime() < deadline && serving.isAlive()) {
            Thread.sleep(50);
        }
        JsonNode ready = TestServer.JSON.readTree(out.toString());
        String url = ready.get("url").asText();
        assertTrue(url.startsWith("http://127.0.0.1:"), url);
        assertEquals(6000, ready.get("tracks").asInt());
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(url + "api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(page.body().contains("<title>audiU"), page.body());

        stop.countDown();
        serving.join(Duration.ofSeconds(30).toMillis());
        assertEquals(0, exit.get());
        assertThrows(ConnectException.class, () -> client.send(HttpRequest.newBuilder(URI.create(url + "api/health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()), "stopped");
    }
}
