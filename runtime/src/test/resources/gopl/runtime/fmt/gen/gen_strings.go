// gen_strings.go writes strings.txt: fmt.Sprintf of strings and byte slices in every string
// verb with flag, width and precision combinations, as Go 1.19 prints them. Each line is
// "kind<TAB>input-hex<TAB>format<TAB>expected-hex" where kind is "string" or "bytes" ([]byte).
//
// Usage (from the repository root):
//
//	go run runtime/src/test/resources/gopl/runtime/fmt/gen/gen_strings.go \
//	    > runtime/src/test/resources/gopl/runtime/fmt/strings.txt
package main

import (
	"encoding/hex"
	"fmt"
)

var inputs = []string{"", "a", "héllo", "日本語", "\xff\xfe", "tab\there", "`", "a\"b\\", "\u2028x",
	"\U0001F600!", "\x00\x7f", "\ufeff", "longer string with spaces"}
var verbs = []string{"s", "q", "x", "X", "v", "d", "c"}
var flags = []string{"", "-", "+", "#", " ", "0", "#+", "# ", "-#"}
var sizes = []string{"", "8", ".2", "8.2", ".0", "1"}

func main() {
	for _, in := range inputs {
		for _, verb := range verbs {
			for _, fl := range flags {
				for _, sz := range sizes {
					f := "%" + fl + sz + verb
					fmt.Printf("string\t%s\t%s\t%s\n", hex.EncodeToString([]byte(in)), f,
						hex.EncodeToString([]byte(fmt.Sprintf(f, in))))
					fmt.Printf("bytes\t%s\t%s\t%s\n", hex.EncodeToString([]byte(in)), f,
						hex.EncodeToString([]byte(fmt.Sprintf(f, []byte(in)))))
				}
			}
		}
	}
}
