package net.trader4.keycloak.qr.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QrImageTest {

    @Test
    void decodesToTheContentWithLevelMAndAQuietZone() throws Exception {
        String url = "https://id.example.com/realms/trader4/trader4/v1/oauth/qr/tr0123456789abcdef0123456789abcdef";
        BufferedImage image = imageOf(url);
        assertEquals(QrImage.DEFAULT_SIZE, image.getWidth());
        Result result = readPure(image);
        assertEquals(url, result.getText());
        assertEquals("M", result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL));
        // At least four white modules around the code: the corners and edges are white.
        int white = 0xFFFFFFFF;
        for (int i = 0; i < image.getWidth(); i++) {
            assertEquals(white, image.getRGB(i, 0));
            assertEquals(white, image.getRGB(0, i));
        }
        assertTrue(image.getRGB(image.getWidth() / 2, image.getHeight() / 2) == white
                || image.getRGB(image.getWidth() / 2, image.getHeight() / 2) == 0xFF000000);
    }

    @Test
    void everyApprovalLinkReadsBackFromItsImage() throws Exception {
        Random random = new Random(20261204);
        for (int i = 0; i < 500; i++) {
            byte[] token = new byte[32];
            random.nextBytes(token);
            String url = "https://id.example.com:" + (8000 + random.nextInt(2000)) + "/realms/trader4/trader4/v1/oauth/qr/"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
            assertEquals(url, readPure(imageOf(url)).getText());
        }
    }

    private static BufferedImage imageOf(String url) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(QrImage.png(url, QrImage.DEFAULT_SIZE)));
    }

    /** The image read as the pure code it is, as a phone reads a code it is pointed at squarely. */
    private static Result readPure(BufferedImage image) throws Exception {
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
    }

    @Test
    void everyPixelIsTheOneZxingsOwnWriterDraws() throws Exception {
        BitMatrix matrix = new QRCodeWriter().encode("https://id.example.com/realms/trader4/trader4/v1/oauth/qr/tr42",
                BarcodeFormat.QR_CODE, 97, 97);
        BufferedImage expected = MatrixToImageWriter.toBufferedImage(matrix);
        BufferedImage drawn = QrImage.image(matrix);
        int black = 0;
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                assertEquals(expected.getRGB(x, y), drawn.getRGB(x, y), "pixel " + x + "," + y);
                black += matrix.get(x, y) ? 1 : 0;
            }
        }
        assertTrue(black > 0, "the code has black modules");
    }
}
