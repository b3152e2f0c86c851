package org.fusescope.kernels.cuda;

/**
 * Child process of {@link JCudaNativesTest}: initializes JCudaDriver either the way JCuda does on its
 * own ({@code jcuda}) or through {@link JCudaNatives} ({@code fusescope}), and prints what happened:
 * {@code loaded}, or the messages of the error and its causes. The library needs libcuda.so.1, so
 * on a machine without the driver "loaded" is not expected; which file the loader tried is what
 * the test reads.
 */
public final class JCudaLoadMain {
    private JCudaLoadMain() {}

    public static void main(String[] args) {
        try {
            if (args[0].equals("fusescope")) {
                JCudaNatives.load();
            } else {
                Class.forName("jcuda.driver.JCudaDriver");
            }
            System.out.println("loaded");
        } catch (Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                System.out.println(t);
            }
        }
    }
}
