package net.trader4.keycloak.testsupport;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads a QR code from an image, as a phone camera would. */
public final class QrCodes {

    /**
     * First as the pure code a server's PNG is (zxing's finder-pattern search misses about one in
     * 200 perfect images), then searching the image for one, as in a screenshot.
     */
    private static final List<Map<DecodeHintType, Object>> ATTEMPTS =
            List.of(Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));

    private QrCodes() {
    }

    public static String read(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new AssertionError("Not an image: " + png.length + " bytes");
            }
            return read(image);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public static String read(BufferedImage image) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        ReaderException last = null;
        for (Map<DecodeHintType, Object> hints : ATTEMPTS) {
            try {
                return new QRCodeReader().decode(bitmap, hints).getText();
            } catch (ReaderException e) {
                last = e;
            }
        }
        throw new AssertionError("No QR code could be read", last);
    }
}
