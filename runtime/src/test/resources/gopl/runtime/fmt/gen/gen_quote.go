// gen_quote.go writes quote.txt: Go 1.19's quoting, rune classification and UTF-8 decoding of
// every byte, a set of runes and random byte strings. Each line is
// "function<TAB>input<TAB>expected" where input is hex bytes (string functions) or a decimal
// rune (rune functions), and expected is hex bytes.
//
// Usage (from the repository root):
//
//	go run runtime/src/test/resources/gopl/runtime/fmt/gen/gen_quote.go \
//	    > runtime/src/test/resources/gopl/runtime/fmt/quote.txt
package main

import (
	"encoding/hex"
	"fmt"
	"math/rand"
	"strconv"
	"unicode/utf8"
)

func str(name, in, out string) {
	fmt.Printf("%s\t%s\t%s\n", name, hex.EncodeToString([]byte(in)), hex.EncodeToString([]byte(out)))
}

func run(name string, r rune, out string) {
	fmt.Printf("%s\t%d\t%s\n", name, r, hex.EncodeToString([]byte(out)))
}

func strings(s string) {
	str("Quote", s, strconv.Quote(s))
	str("QuoteToASCII", s, strconv.QuoteToASCII(s))
	str("QuoteToGraphic", s, strconv.QuoteToGraphic(s))
	str("CanBackquote", s, fmt.Sprint(strconv.CanBackquote(s)))
	str("ValidString", s, fmt.Sprint(utf8.ValidString(s)))
	str("RuneCount", s, fmt.Sprint(utf8.RuneCountInString(s)))
	r, n := utf8.DecodeRuneInString(s)
	str("DecodeRune", s, fmt.Sprint(r, n))
	r, n = utf8.DecodeLastRuneInString(s)
	str("DecodeLastRune", s, fmt.Sprint(r, n))
	str("FullRune", s, fmt.Sprint(utf8.FullRuneInString(s)))
	for _, f := range []string{"%q", "%+q", "%#q", "%x", "% X", "%# x", "%s", "%.1s", "%5.2q", "%-8s|"} {
		str("Sprintf"+f, s, fmt.Sprintf(f, s))
	}
}

func runes(r rune) {
	run("QuoteRune", r, strconv.QuoteRune(r))
	run("QuoteRuneToASCII", r, strconv.QuoteRuneToASCII(r))
	run("QuoteRuneToGraphic", r, strconv.QuoteRuneToGraphic(r))
	run("IsPrint", r, fmt.Sprint(strconv.IsPrint(r)))
	run("IsGraphic", r, fmt.Sprint(strconv.IsGraphic(r)))
	run("string", r, string(r))
	for _, f := range []string{"%c", "%q", "%+q", "%U", "%#U", "%#.6U", "%-9U|"} {
		run("RuneSprintf"+f, r, fmt.Sprintf(f, r))
	}
}

func main() {
	for b := 0; b < 256; b++ {
		strings(string([]byte{byte(b)}))
	}
	for _, s := range []string{"", "hello, world", "日本語", "\xe6\x97", "a\xffb", "\xed\xa0\x80",
		"\xf4\x90\x80\x80", "\xc0\xaf", "\xe0\x80\xaf", "\xf0\x80\x80\xaf", "`back`", "tab\there",
		"\ufeffbom", "\u2028\u00a0\u3000", "\U0001F600 smile", "\"quoted\" \\ back", "\x7f\x00\x1b"} {
		strings(s)
	}
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 1000; i++ {
		b := make([]byte, 1+r.Intn(6))
		for j := range b {
			switch r.Intn(3) {
			case 0:
				b[j] = byte(r.Intn(128))
			case 1:
				b[j] = byte(0x80 + r.Intn(64))
			default:
				b[j] = byte(0xc0 + r.Intn(64))
			}
		}
		strings(string(b))
	}
	for c := rune(0); c < 0x800; c++ {
		runes(c)
	}
	for c := rune(0x800); c < 0x3100; c += 7 {
		runes(c)
	}
	for c := rune(0x3100); c <= 0x110010; c += 251 {
		runes(c)
	}
	for _, c := range []rune{-1, -0x7fffffff, 0xD800, 0xDFFF, 0xFFFD, 0xFEFF, 0x10FFFF, 0x110000, 0x7fffffff,
		0xE0000, 0xE0001, 0xE0100, 0xF0000, 0x1F600, 0x16FE4, 0x1D173} {
		runes(c)
	}
}
