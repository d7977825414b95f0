import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * The benchmark chart, with nothing but the JDK (run as a single-file program:
 * {@code java bench/Chart.java chart.tsv out.png}). One horizontal bar per endpoint: its
 * requests/s as a multiple of client_credentials in the same round (median of rounds), a dot per
 * round, a diamond for the same ratio by Keycloak CPU time per request, and the aim marked where
 * there is one; requests/s and latencies written beside it.
 *
 * Input lines: label, median req/s, ratio, aim ratio (0 = none), per-round ratios (comma list),
 * p50 ms, p99 ms, ratio by CPU.
 */
public class Chart {

    record Row(String label, double rps, double ratio, double aim, double[] rounds, double p50, double p99,
               double cpuRatio) {
    }

    public static void main(String[] args) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(new File(args[0]).toPath())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            String[] r = f[4].split(",");
            double[] rounds = new double[r.length];
            for (int i = 0; i < r.length; i++) {
                rounds[i] = Double.parseDouble(r[i]);
            }
            rows.add(new Row(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]), rounds,
                    Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7])));
        }
        double max = 0;
        for (Row row : rows) {
            max = Math.max(max, row.ratio());
            max = Math.max(max, row.aim());
            max = Math.max(max, row.cpuRatio());
            for (double v : row.rounds()) {
                max = Math.max(max, v);
            }
        }
        max = Math.max(1, niceCeiling(max * 1.05));

        int left = 300, right = 330, top = 70, barHeight = 34, gap = 22, bottom = 60;
        int width = 1200, plot = width - left - right;
        int height = top + rows.size() * (barHeight + gap) + bottom;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString("Throughput as a multiple of client_credentials (median of rounds; dots: each round)", 20, 32);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(Color.DARK_GRAY);
        g.drawString("Blue dashes: the aim.  Diamond: the same ratio by Keycloak CPU time per request.  Right: requests/s and latency.", 20, 52);

        // Grid and axis.
        int axisY = top + rows.size() * (barHeight + gap);
        for (int i = 0; i <= 5; i++) {
            double value = max * i / 5;
            int x = left + (int) Math.round(plot * value / max);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(x, top - 8, x, axisY);
            g.setColor(Color.DARK_GRAY);
            String text = String.format(Locale.ROOT, "%.1f×", value);
            g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, axisY + 18);
        }
        g.drawString("× client_credentials", left + plot / 2 - 60, axisY + 40);

        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int y = top + i * (barHeight + gap);
            boolean baseline = row.label().contains("grant");
            boolean met = row.aim() <= 0 || row.ratio() >= row.aim();
            g.setColor(baseline ? new Color(150, 150, 150) : met ? new Color(46, 125, 50) : new Color(198, 40, 40));
            int w = (int) Math.round(plot * row.ratio() / max);
            g.fillRect(left, y, Math.max(1, w), barHeight);
            g.setColor(Color.BLACK);
            for (double v : row.rounds()) {
                int x = left + (int) Math.round(plot * v / max);
                g.fillOval(x - 4, y + barHeight / 2 - 4, 8, 8);
            }
            if (row.cpuRatio() > 0) {
                int x = left + (int) Math.round(plot * row.cpuRatio() / max);
                int cy = y + barHeight / 2;
                int[] xs = {x, x + 7, x, x - 7};
                int[] ys = {cy - 7, cy, cy + 7, cy};
                g.setColor(Color.WHITE);
                g.fillPolygon(xs, ys, 4);
                g.setColor(Color.BLACK);
                g.drawPolygon(xs, ys, 4);
            }
            if (row.aim() > 0) {
                int x = left + (int) Math.round(plot * row.aim() / max);
                g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                g.setColor(new Color(21, 101, 192));
                g.drawLine(x, y - 6, x, y + barHeight + 6);
                g.setStroke(new BasicStroke(1f));
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(row.label(), 20, y + barHeight / 2 + 5);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            String text = String.format(Locale.ROOT, "%.0f/s  %.2f× cc  p50 %.1f ms  p99 %.1f ms", row.rps(), row.ratio(),
                    row.p50(), row.p99());
            g.drawString(text, left + plot + 10, y + barHeight / 2 + 5);
        }
        g.dispose();
        ImageIO.write(image, "png", new File(args[1]));
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(1, value))));
        for (double step : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
