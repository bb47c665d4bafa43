package org.audiu.spotify.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCacheTest {
    private static final Tokens TOKENS = new Tokens("access-secret-value", Optional.of("refresh-secret-value"),
            Instant.parse("2026-03-01T13:00:00Z"), "user-library-read");

    @TempDir
    Path dir;

    @Test
    void theFileIsCreatedReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("new-folder/spotify-token.json");
        new TokenCache(file).write(new TokenCache.Entry("client-1", TOKENS));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void rewritingKeepsThePermissions() throws Exception {
        Path file = dir.resolve("t.json");
        TokenCache cache = new TokenCache(file);
        cache.write(new TokenCache.Entry("client-1", TOKENS));
        cache.write(new TokenCache.Entry("client-1", new Tokens("other", Optional.empty(), Instant.EPOCH, "")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("other", cache.read().orElseThrow().tokens().accessToken());
    }

    @Test
    void roundTripsTheLoginWithExpiresAt() throws Exception {
        Path file = dir.resolve("t.json");
        TokenCache cache = new TokenCache(file);
        cache.write(new TokenCache.Entry("client-1", TOKENS));
        TokenCache.Entry read = cache.read().orElseThrow();
        assertEquals("client-1", read.clientId());
        assertEquals(TOKENS, read.tokens());
        String json = Files.readString(file);
        assertTrue(json.contains("\"expires_at\" : " + TOKENS.expiresAt().getEpochSecond()), json);
    }

    @Test
    void aCacheReadableByOthersIsNarrowed() throws Exception {
        Path file = dir.resolve("t.json");
        TokenCache cache = new TokenCache(file);
        cache.write(new TokenCache.Entry("client-1", TOKENS));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(cache.read().isPresent());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void missingOrBrokenFilesMeanNoLogin() throws Exception {
        Path file = dir.resolve("t.json");
        assertTrue(new TokenCache(file).read().isEmpty());
        Files.writeString(file, "{not json");
        assertTrue(new TokenCache(file).read().isEmpty());
        Files.writeString(file, "{\"access_token\":\"a\"}");
        assertTrue(new TokenCache(file).read().isEmpty(), "no client id or expires_at");
    }

    @Test
    void deleteForgetsTheLogin() {
        Path file = dir.resolve("t.json");
        TokenCache cache = new TokenCache(file);
        cache.write(new TokenCache.Entry("client-1", TOKENS));
        cache.delete();
        assertFalse(Files.exists(file));
    }

    @Test
    void toStringNeverShowsTokens() {
        String shown = new TokenCache.Entry("client-1", TOKENS).toString() + TOKENS + new TokenCache(dir);
        assertFalse(shown.contains("access-secret-value"), shown);
        assertFalse(shown.contains("refresh-secret-value"), shown);
        assertTrue(shown.contains("2026-03-01T13:00:00Z"), "the expiry is fine to show");
    }
}
