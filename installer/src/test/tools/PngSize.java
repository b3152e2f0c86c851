// Prints "WIDTH HEIGHT COLOURS" of a PNG (COLOURS: distinct colours on a 7-pixel grid), for
// check-images.sh; exits 1 when the file is not a readable image.
// Usage: java PngSize.java FILE.png
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

class PngSize {
    public static void main(String[] args) throws Exception {
        BufferedImage image = ImageIO.read(new File(args[0]));
        if (image == null) {
            System.err.println("PngSize: " + args[0] + " is not an image ImageIO can read");
            System.exit(1);
        }
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        System.out.println(image.getWidth() + " " + image.getHeight() + " " + colours.size());
    }
}
