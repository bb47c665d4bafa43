package org.audiu.spotify.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A PKCE pair (RFC 7636, method S256): the verifier stays with audiU, the challenge goes to the authorization page.
 * {@link #toString()} masks the verifier.
 */
public record Pkce(String verifier, String challenge) {
    public Pkce {
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(challenge, "challenge");
    }

    /** A fresh pair: 64 random bytes, base64url-encoded (86 characters, within RFC 7636's 43..128). */
    public static Pkce generate(RandomGenerator random) {
        String verifier = randomToken(random, 64);
        return new Pkce(verifier, challengeOf(verifier));
    }

    /** {@code BASE64URL(SHA-256(verifier))} without padding. */
    public static String challengeOf(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** {@code bytes} random bytes, base64url without padding. */
    public static String randomToken(RandomGenerator random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Override
    public String toString() {
        return "Pkce[verifier=******, challenge=" + challenge + "]";
    }
}
