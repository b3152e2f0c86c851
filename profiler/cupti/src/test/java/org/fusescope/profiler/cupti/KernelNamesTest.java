package org.fusescope.profiler.cupti;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KernelNamesTest {
    @Test
    void demangledNamesLoseReturnTypeTemplateArgumentsAndScopes() {
        assertEquals(
                "grouped_gemm1_kernel",
                KernelNames.shortName("void grouped_gemm1_kernel<128, 64>(const float*, float*, int)"));
        assertEquals("foo", KernelNames.shortName("void at::native::(anonymous namespace)::foo<float>(float*, int)"));
        assertEquals(
                "vectorized_elementwise_kernel",
                KernelNames.shortName(
                        "void at::native::vectorized_elementwise_kernel<4, at::native::(anonymous namespace)::bar(at::Tensor&)"
                                + "::{lambda(float)#1}, std::array<char*, 2ul> >(int, float, std::array<char*, 2ul>)"));
        assertEquals("kernel", KernelNames.shortName("ns::Outer<int>::kernel(int)"));
    }

    @Test
    void cLinkageNamesStayAsTheyAre() {
        assertEquals("rmsnorm_kernel", KernelNames.shortName("rmsnorm_kernel"));
        assertEquals("rmsnorm_kernel", KernelNames.fullName("rmsnorm_kernel"));
    }

    @Test
    void mangledNamesGiveTheirBaseName() {
        assertEquals("grouped_gemm1_kernel", KernelNames.shortName("_Z20grouped_gemm1_kernelILi128EEvPKfPf"));
        assertEquals("foo", KernelNames.shortName("_ZN2at6native12_GLOBAL__N_13fooIfEEvPT_"));
        assertEquals("bar", KernelNames.shortName("_Z3barv"));
        assertEquals("sort", KernelNames.shortName("_ZNSt4sortEv"));
        assertEquals("k", KernelNames.shortName("_ZN1a1kILi4EZNS_1fEvEUlfE_EEviT0_"));
    }

    @Test
    void unfollowableOrMissingNamesFallBack() {
        assertEquals("_Z12broken", KernelNames.shortName("_Z12broken"));
        assertEquals("_ZZ4mainE1k", KernelNames.shortName("_ZZ4mainE1k"));
        assertEquals(KernelNames.UNKNOWN, KernelNames.shortName(null));
        assertEquals(KernelNames.UNKNOWN, KernelNames.fullName(""));
    }
}
