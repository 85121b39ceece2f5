package org.cablegate.web.mirror;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * The publisher's Ed25519 key pair, made and used with the JDK's own provider (no other crypto library). The private
 * key stays in the data directory ({@code keys/publisher.key}, readable by its owner only); it is never in the public
 * archive, which is all the web server and the exporter read pages from, nor in an export.
 *
 * <p>The public key travels as one line of text, {@code ed25519 <base64 of its X.509 encoding>}: what
 * {@code cablegate keys show} prints, {@code /publisher-key.txt} serves and {@code --key FILE} reads.
 */
public final class PublisherKey {
    static final String PREFIX = "ed25519 ";

    private PublisherKey() {}

    public static Path privateFile(Path dataDir) {
        return dataDir.resolve("keys").resolve("publisher.key");
    }

    public static Path publicFile(Path dataDir) {
        return dataDir.resolve("keys").resolve("publisher.pub");
    }

    /** Makes the key pair in the data directory; refuses to replace one (mirrors trust the old public key). */
    public static String init(Path dataDir) throws IOException {
        Path priv = privateFile(dataDir);
        if (Files.exists(priv)) {
            throw new IOException("a publisher key already exists in " + priv.getParent()
                    + "; mirrors trust it, so it is never replaced by init");
        }
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK provides Ed25519", e);
        }
        Files.createDirectories(priv.getParent());
        Path tmp = priv.resolveSibling("publisher.key.tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n");
        String text = text(pair.getPublic());
        Files.writeString(publicFile(dataDir), text + "\n");
        Files.move(tmp, priv);
        return text;
    }

    /** The public key's line, if the data directory has a key pair. */
    public static Optional<String> show(Path dataDir) throws IOException {
        Path pub = publicFile(dataDir);
        return Files.exists(pub) ? Optional.of(Files.readString(pub).trim()) : Optional.empty();
    }

    static PrivateKey loadPrivate(Path dataDir) throws IOException {
        Path priv = privateFile(dataDir);
        if (!Files.exists(priv)) {
            throw new IOException("no publisher key in " + priv.getParent() + " (make one with: cablegate keys init)");
        }
        try {
            byte[] der = Base64.getDecoder().decode(Files.readString(priv).trim());
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(priv + " does not hold an Ed25519 private key: " + e.getMessage());
        }
    }

    static String text(PublicKey key) {
        return PREFIX + Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Reads a public key as {@code keys show} prints it; {@code source} names where it came from in errors. */
    public static PublicKey parse(String text, String source) throws IOException {
        String line = text.strip();
        if (!line.startsWith(PREFIX)) {
            throw new IOException(source + ": not a publisher key (expected a line \"ed25519 <base64>\", as "
                    + "cablegate keys show prints it)");
        }
        try {
            byte[] der = Base64.getDecoder().decode(line.substring(PREFIX.length()).strip());
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(source + ": not a valid Ed25519 public key: " + e.getMessage());
        }
    }

    public static PublicKey read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** A short name of a key, for the verify state and messages: 16 hex digits of the SHA-256 of its encoding. */
    static String fingerprint(PublicKey key) {
        return Sha256.of(key.getEncoded()).substring(0, 16);
    }

    static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** MANIFEST.sig: the signature in base64 on one line. */
    static byte[] signatureFile(byte[] signature) {
        return (Base64.getEncoder().encodeToString(signature) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    static Optional<byte[]> readSignatureFile(byte[] file) {
        try {
            return Optional.of(Base64.getDecoder().decode(new String(file, StandardCharsets.US_ASCII).strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
