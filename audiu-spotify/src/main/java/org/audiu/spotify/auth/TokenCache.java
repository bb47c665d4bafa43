package org.audiu.spotify.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.audiu.spotify.SpotifyAuthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saved Spotify login: a small JSON file ({@code client_id}, {@code access_token}, {@code refresh_token},
 * {@code expires_at} in epoch seconds, {@code scope}) readable by its owner only (0600; its folder 0700 when
 * audiU creates it). Written atomically (temporary file, then rename), so a crash never leaves half a token.
 */
public final class TokenCache {
    private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    /** What the file holds. */
    public record Entry(String clientId, Tokens tokens) {
        public Entry {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(tokens, "tokens");
        }
    }

    private final Path file;

    public TokenCache(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    /** The saved login; empty when there is none or the file is unreadable (said in the log). */
    public Optional<Entry> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        tightenPermissions();
        try {
            JsonNode root = JSON.readTree(file.toFile());
            String access = root.path("access_token").asText("");
            String clientId = root.path("client_id").asText("");
            if (access.isBlank() || clientId.isBlank() || !root.path("expires_at").isNumber()) {
                LOG.warn("Ignoring the Spotify token cache {}: it lacks client_id, access_token or expires_at", file);
                return Optional.empty();
            }
            String refresh = root.path("refresh_token").asText("");
            Tokens tokens = new Tokens(access, Optional.of(refresh), Instant.ofEpochSecond(root.get("expires_at")
                    .asLong()), root.path("scope").asText(""));
            return Optional.of(new Entry(clientId, tokens));
        } catch (IOException e) {
            LOG.warn("Ignoring the unreadable Spotify token cache {} ({})", file, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Saves a login, replacing the previous one. */
    public void write(Entry entry) {
        ObjectNode root = JSON.createObjectNode();
        root.put("client_id", entry.clientId());
        root.put("token_type", "Bearer");
        root.put("access_token", entry.tokens().accessToken());
        entry.tokens().refreshToken().ifPresent(r -> root.put("refresh_token", r));
        root.put("expires_at", entry.tokens().expiresAt().getEpochSecond());
        root.put("scope", entry.tokens().scope());
        try {
            Path dir = file.getParent();
            createDirectories(dir);
            Path tmp = createOwnerOnlyTempFile(dir);
            try {
                Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new SpotifyAuthException("Could not save the Spotify login to " + file + ": " + e.getMessage()
                    + ". Check that the folder is writable or set another token-cache path.", e);
        }
    }

    /** Forgets the saved login. */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete the stale Spotify token cache {}: {}", file, e.getMessage());
        }
    }

    private static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException raced) {
            // another process created it meanwhile
        }
    }

    private static Path createOwnerOnlyTempFile(Path dir) throws IOException {
        try {
            return Files.createTempFile(dir, ".spotify-token", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            Path tmp = Files.createTempFile(dir, ".spotify-token", ".tmp");
            java.io.File f = tmp.toFile();
            boolean ok = f.setReadable(false, false) & f.setReadable(true, true)
                    & f.setWritable(false, false) & f.setWritable(true, true);
            if (!ok) {
                LOG.warn("Could not restrict the permissions of {} to its owner", tmp);
            }
            return tmp;
        }
    }

    /** A cache readable by others (copied around, created by hand) is narrowed to 0600, said in the log. */
    private void tightenPermissions() {
        try {
            Set<PosixFilePermission> current = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(current)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
                LOG.warn("The Spotify token cache {} was readable by others ({}); changed it to rw-------", file,
                        PosixFilePermissions.toString(current));
            }
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("Cannot check the permissions of {}: {}", file, e.toString());
        }
    }

    @Override
    public String toString() {
        return "TokenCache[" + file + "]";
    }
}
