// gen_unicode.go writes unicode.txt: Go 1.19's rune classes and case mappings for every rune
// below U+0800 and every 37th rune above (to U+10FFFF and a little beyond). Each line is
// "rune<TAB>classes<TAB>upper<TAB>lower<TAB>title<TAB>simplefold" (decimal runes), where classes has one 0/1
// per predicate in the order Print Graphic Letter Digit Number Space Upper Lower Title Punct
// Control Mark Symbol.
//
// Usage (from the repository root):
//
//	go run runtime/src/test/resources/gopl/runtime/fmt/gen/gen_unicode.go \
//	    > runtime/src/test/resources/gopl/runtime/fmt/unicode.txt
package main

import (
	"fmt"
	"strconv"
	"unicode"
)

func main() {
	preds := []func(rune) bool{strconv.IsPrint, strconv.IsGraphic, unicode.IsLetter, unicode.IsDigit,
		unicode.IsNumber, unicode.IsSpace, unicode.IsUpper, unicode.IsLower, unicode.IsTitle,
		unicode.IsPunct, unicode.IsControl, unicode.IsMark, unicode.IsSymbol}
	emit := func(r rune) {
		bits := make([]byte, len(preds))
		for i, p := range preds {
			bits[i] = '0'
			if p(r) {
				bits[i] = '1'
			}
		}
		fmt.Printf("%d\t%s\t%d\t%d\t%d\t%d\n", r, bits, unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r),
			unicode.SimpleFold(r))
	}
	for r := rune(-2); r < 0x800; r++ {
		emit(r)
	}
	for r := rune(0x800); r <= 0x110010; r += 37 {
		emit(r)
	}
}
