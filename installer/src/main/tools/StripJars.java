// Drops entries the images never load from copied dependency jars, in place.
// Usage: java StripJars.java DIR JAR-GLOB=ENTRY-REGEX ...
// Each rule must match at least one jar in DIR and at least one entry in each such jar, so a renamed
// jar or a changed layout fails the build instead of silently shipping the bytes again.
// Run by the installer profile (installer/pom.xml) with the JDK's single-file source launcher.
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

class StripJars {
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            fail("usage: java StripJars.java DIR JAR-GLOB=ENTRY-REGEX ...");
        }
        Path dir = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 1) {
                fail("rule '" + args[i] + "' is not JAR-GLOB=ENTRY-REGEX");
            }
            String glob = args[i].substring(0, eq);
            Pattern drop = Pattern.compile(args[i].substring(eq + 1));
            int jars = 0;
            try (DirectoryStream<Path> matches = Files.newDirectoryStream(dir, glob)) {
                for (Path jar : matches) {
                    strip(jar, drop);
                    jars++;
                }
            }
            if (jars == 0) {
                fail("no jar in " + dir + " matches " + glob);
            }
        }
    }

    private static void strip(Path jar, Pattern drop) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        int dropped = 0;
        try (ZipFile in = new ZipFile(jar.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                if (drop.matcher(entry.getName()).find()) {
                    dropped++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (var data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        if (dropped == 0) {
            Files.delete(tmp);
            fail(jar + " has no entry matching " + drop + " (already stripped, or its layout changed)");
        }
        long before = Files.size(jar);
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("StripJars: %s: dropped %d entries, %,d -> %,d bytes%n",
                jar.getFileName(), dropped, before, Files.size(jar));
    }

    private static void fail(String message) {
        System.err.println("StripJars: " + message);
        System.exit(1);
    }
}
