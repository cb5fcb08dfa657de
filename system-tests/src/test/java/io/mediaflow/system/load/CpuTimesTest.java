package io.mediaflow.system.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuTimesTest {

  @Test
  void readsUserSystemAndChildrenTicksEvenWithOddCommandNames() {
    String stat = "4242 (java (odd) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 56 78 9 20 0 40 0 100 0";
    assertThat(CpuTimes.parse(stat)).containsExactly(1234, 56, 78, 9);
  }

  @Test
  void thisJvmHasUsedSomeCpu() {
    assertThat(CpuTimes.treeSeconds(ProcessHandle.current())).isPositive();
    assertThat(CpuTimes.ticks(Long.MAX_VALUE)).containsExactly(0, 0, 0, 0);
  }
}
