package net.trader4.keycloak.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for the name {@code localhost} only (not {@code 127.0.0.1}), made once with the JDK's keytool: the mail
 * server of a test presents it (GreenMail reads the keystore), and Keycloak trusts it through its
 * truststore ({@code truststore-paths}), as an operator trusts a private mail server's CA.
 */
public final class MailTls {

    public static final String PASSWORD = "changeit";

    private static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"), "trader4-mail-tls");
    private static final Path KEYSTORE = DIR.resolve("localhost.p12");
    private static final Path CERTIFICATE = DIR.resolve("localhost.pem");

    private MailTls() {
    }

    public static synchronized Path keystore() {
        ensure();
        return KEYSTORE;
    }

    public static synchronized Path certificate() {
        ensure();
        return CERTIFICATE;
    }

    /** Makes GreenMail's SMTPS servers started from now on in this JVM present the certificate. */
    public static void presentByGreenMail() {
        System.setProperty("greenmail.tls.keystore.file", keystore().toString());
        System.setProperty("greenmail.tls.keystore.password", PASSWORD);
        System.setProperty("greenmail.tls.key.password", PASSWORD);
    }

    private static void ensure() {
        if (Files.isRegularFile(KEYSTORE) && Files.isRegularFile(CERTIFICATE)) {
            return;
        }
        try {
            Files.createDirectories(DIR);
            Files.deleteIfExists(KEYSTORE);
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(List.of(keytool, "-genkeypair", "-alias", "localhost", "-keyalg", "RSA", "-keysize", "2048",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "30",
                    "-storetype", "PKCS12", "-keystore", KEYSTORE.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD));
            run(List.of(keytool, "-exportcert", "-rfc", "-alias", "localhost", "-keystore", KEYSTORE.toString(),
                    "-storepass", PASSWORD, "-file", CERTIFICATE.toString()));
        } catch (IOException e) {
            throw new IllegalStateException("Could not make the test mail server's certificate", e);
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
