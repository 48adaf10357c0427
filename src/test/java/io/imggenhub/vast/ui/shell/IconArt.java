package io.imggenhub.vast.ui.shell;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the app icon (a GPU chip with a dollar sign) and writes it to assets/icon.png and the resource sizes.
 * Run once after changing the art, from the project root:
 * {@code mvn -q -o test-compile && java -Djava.awt.headless=true -cp target/test-classes io.imggenhub.vast.ui.shell.IconArt}
 */
public final class IconArt {
    private IconArt() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Path resources = root.resolve("src/main/resources/io/imggenhub/vast/ui");
        Files.createDirectories(resources);
        Files.createDirectories(root.resolve("assets"));
        ImageIO.write(draw(256), "png", root.resolve("assets/icon.png").toFile());
        for (int size : new int[] {16, 32, 64, 256}) {
            ImageIO.write(
                    draw(size),
                    "png",
                    resources.resolve("icon-" + size + ".png").toFile());
        }
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size / 256.0;
        g.scale(s, s);

        // Background: a rounded square, deep blue to teal.
        g.setPaint(new GradientPaint(0, 0, new Color(0x1E3A8A), 256, 256, new Color(0x0F766E)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));

        // The chip's pins.
        g.setColor(new Color(0xCBD5E1));
        g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 4; i++) {
            int p = 86 + i * 28;
            g.drawLine(p, 40, p, 62);
            g.drawLine(p, 194, p, 216);
            g.drawLine(40, p, 62, p);
            g.drawLine(194, p, 216, p);
        }
        // The chip.
        g.setColor(new Color(0xF8FAFC));
        g.fill(new RoundRectangle2D.Double(60, 60, 136, 136, 26, 26));
        g.setColor(new Color(0x0F172A));
        g.setStroke(new BasicStroke(6));
        g.draw(new RoundRectangle2D.Double(60, 60, 136, 136, 26, 26));

        // The dollar sign, centred on the chip.
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 112);
        GlyphVector glyph = font.createGlyphVector(g.getFontRenderContext(), "$");
        Rectangle2D box = glyph.getVisualBounds();
        float x = (float) (128 - box.getCenterX());
        float y = (float) (128 - box.getCenterY());
        g.setColor(new Color(0x15803D));
        g.fill(glyph.getOutline(x, y));
        g.dispose();
        return image;
    }
}
