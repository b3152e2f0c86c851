// Renders assets/src/main/icons/fusescope.png (256 x 256) with Java2D, drawing the same shapes as
// fusescope.svg beside it (no SVG renderer is assumed on the build machine).
// Usage: java scripts/render-icon.java assets/src/main/icons/fusescope.png
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

class RenderIcon {
    public static void main(String[] args) throws Exception {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        box(g, 0x1f2a3c, 8, 8, 240, 240, 80);
        box(g, 0x4fa3f7, 36, 62, 64, 26, 12);
        box(g, 0xf2b134, 36, 115, 48, 26, 12);
        box(g, 0x5cc98a, 36, 168, 72, 26, 12);
        Path2D path = new Path2D.Double();
        path.moveTo(108, 75);
        path.curveTo(140, 75, 140, 128, 160, 128);
        path.moveTo(92, 128);
        path.lineTo(160, 128);
        path.moveTo(116, 181);
        path.curveTo(140, 181, 140, 128, 160, 128);
        g.setColor(new Color(0xc9d4e5));
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
        box(g, 0xe5573f, 160, 102, 60, 52, 16);
        box(g, 0x5b6b85, 36, 214, 184, 6, 6);
        g.dispose();
        ImageIO.write(image, "png", new File(args[0]));
    }

    private static void box(Graphics2D g, int rgb, double x, double y, double w, double h, double arc) {
        g.setColor(new Color(rgb));
        g.fill(new RoundRectangle2D.Double(x, y, w, h, arc, arc));
    }
}
