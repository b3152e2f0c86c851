// A small CUDA program for making a real `nsys export --type sqlite` database on the GPU host:
// kernels on two streams, copies both ways, a memset, NVTX push/pop ranges and a CUDA graph launch.
// Build: nvcc -arch=sm_90 -o nsys_sample nsys_sample.cu (NVTX v3 is header-only in the toolkit).
#include <cstdio>
#include <cuda_runtime.h>
#include <nvtx3/nvToolsExt.h>

__global__ void scale_kernel(float* x, float a, int n) {  // [n]; grid n/256, block 256
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) x[i] *= a;
}

__global__ void add_kernel(const float* x, float* y, int n) {  // y += x, [n]
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) y[i] += x[i];
}

#define CHECK(call) do { cudaError_t e = (call); if (e != cudaSuccess) { \
    fprintf(stderr, "%s failed: %s\n", #call, cudaGetErrorString(e)); return 1; } } while (0)

int main() {
    const int n = 1 << 20;
    float *x, *y, *host;
    CHECK(cudaMalloc(&x, n * sizeof(float)));
    CHECK(cudaMalloc(&y, n * sizeof(float)));
    CHECK(cudaMallocHost(&host, n * sizeof(float)));
    for (int i = 0; i < n; i++) host[i] = 1.0f;
    cudaStream_t s0, s1;
    CHECK(cudaStreamCreate(&s0));
    CHECK(cudaStreamCreate(&s1));
    for (int step = 0; step < 3; step++) {
        nvtxRangePushA("step");
        CHECK(cudaMemcpyAsync(x, host, n * sizeof(float), cudaMemcpyHostToDevice, s0));
        CHECK(cudaMemsetAsync(y, 0, n * sizeof(float), s1));
        nvtxRangePushA("scale");
        scale_kernel<<<n / 256, 256, 0, s0>>>(x, 2.0f, n);
        nvtxRangePop();
        CHECK(cudaStreamSynchronize(s1));
        nvtxRangePushA("add");
        add_kernel<<<n / 256, 256, 0, s0>>>(x, y, n);
        nvtxRangePop();
        CHECK(cudaMemcpyAsync(host, y, n * sizeof(float), cudaMemcpyDeviceToHost, s0));
        CHECK(cudaStreamSynchronize(s0));
        nvtxRangePop();
    }
    cudaGraph_t graph;
    cudaGraphExec_t exec;
    CHECK(cudaStreamBeginCapture(s0, cudaStreamCaptureModeGlobal));
    scale_kernel<<<n / 256, 256, 0, s0>>>(x, 0.5f, n);
    add_kernel<<<n / 256, 256, 0, s0>>>(x, y, n);
    CHECK(cudaStreamEndCapture(s0, &graph));
    CHECK(cudaGraphInstantiate(&exec, graph, 0));
    nvtxRangePushA("graph");
    CHECK(cudaGraphLaunch(exec, s0));
    CHECK(cudaStreamSynchronize(s0));
    nvtxRangePop();
    printf("y[0] = %f\n", host[0]);
    return 0;
}
