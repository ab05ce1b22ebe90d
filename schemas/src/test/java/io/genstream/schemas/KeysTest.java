package io.genstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeysTest {

  @Test
  void modelVersionKeyIsNameAtVersion() {
    assertThat(Keys.modelVersion("digits-gan", "3")).isEqualTo("digits-gan@3");
  }

  @Test
  void modelNameWithAtSignIsRefusedAsAmbiguous() {
    assertThatThrownBy(() -> Keys.modelVersion("a@b", "1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Keys.modelVersion("digits-gan", "")).isInstanceOf(IllegalArgumentException.class);
  }
}
