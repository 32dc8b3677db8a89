package gopl.repl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Complete and incomplete input as GoPL's lexer sees it, and the word under the cursor. */
class GoplParserTest {
  private final GoplParser parser = new GoplParser();

  @ParameterizedTest
  @ValueSource(strings = {"func f() {", "x := []int{1,", "fmt.Println(1,", "a +", "a ||", "x :=", "s := `raw", "/* open", "f(\n  1,"})
  void testIncomplete_throwsEOFError(String input) {
    assertThrows(EOFError.class, () -> parser.parse(input, input.length(), ParseContext.ACCEPT_LINE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1+1", "x := 3", "func f() {}", "x++", "s := `a\nb`", ":help", ":type (", "}", "return"})
  void testComplete_accepted(String input) {
    assertDoesNotThrow(() -> parser.parse(input, input.length(), ParseContext.ACCEPT_LINE));
  }

  @Test
  void testWordUnderCursor_isSelectorChain() {
    ParsedLine l = parser.parse("x := strings.Tr", 15, ParseContext.COMPLETE);
    assertEquals("strings.Tr", l.word());
    assertEquals(10, l.wordCursor());
    assertEquals("p.", parser.parse("p.", 2, ParseContext.COMPLETE).word());
  }
}
