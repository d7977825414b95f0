package net.trader4.keycloak.qr.image;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes as PNG: error correction M (survives glare and a smudged screen), the standard
 * four-module quiet zone, black on white, large enough for phone cameras across a desk.
 */
public final class QrImage {

    public static final int DEFAULT_SIZE = 360;
    private static final int QUIET_ZONE_MODULES = 4;
    /** Palette indexes of a {@link BufferedImage#TYPE_BYTE_BINARY} image. */
    private static final int BLACK = 0;
    private static final int WHITE = 1;

    private QrImage() {
    }

    public static byte[] png(String content, int sizePixels) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, sizePixels, sizePixels,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.MARGIN, QUIET_ZONE_MODULES,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image(matrix), "png", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("Content does not fit a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The matrix as a one-bit image, written as palette indexes row by row. zxing's own
     * {@code MatrixToImageWriter} sets each pixel as a colour, which the palette then has to look
     * up: that lookup was a third of the CPU of creating a QR login with its image.
     */
    static BufferedImage image(BitMatrix matrix) {
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = image.getRaster();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = matrix.get(x, y) ? BLACK : WHITE;
            }
            raster.setSamples(0, y, width, 1, 0, row);
        }
        return image;
    }
}
