// gen_unquote.go writes unquote.txt: Go 1.19's strconv.Unquote and QuotedPrefix of tricky and
// random literals. Each line is "function<TAB>input-hex<TAB>result-hex" with result "ERR" for
// ErrSyntax.
//
// Usage (from the repository root):
//
//	go run runtime/src/test/resources/gopl/runtime/fmt/gen/gen_unquote.go \
//	    > runtime/src/test/resources/gopl/runtime/fmt/unquote.txt
package main

import (
	"encoding/hex"
	"fmt"
	"math/rand"
	"strconv"
)

func emit(fn, in, out string, err error) {
	res := hex.EncodeToString([]byte(out))
	if err != nil {
		res = "ERR"
	}
	fmt.Printf("%s\t%s\t%s\n", fn, hex.EncodeToString([]byte(in)), res)
}

func main() {
	ins := []string{``, `"`, `""`, `"a"`, `'a'`, `'ab'`, `''`, "`raw\r\nx`", "`a`b", `"\n"`, "\"\n\"", `"\x41\101\u263a\U0001F600"`,
		`"\400"`, `"\377"`, `"\xff"`, `"\uD800"`, `"\U00110000"`, `"\'"`, `'\"'`, `'\''`, `"\""`, `"\q"`, `"\x4"`,
		`'\u263a'`, `'☺'`, "'\xff'", "\"\xff\"", `"abc" tail`, `'x'y`, `"a\`, `"\\"`, `"\a\b\f\n\r\t\v"`, `x`,
		`"\u00e9"`, `'\x80'`, `'\200'`, "'\xe2\x98\xba'", `"\xAa\XAa"`, `"\u00E9"`, `"\ug000"`}
	r := rand.New(rand.NewSource(5))
	for i := 0; i < 400; i++ {
		b := make([]byte, r.Intn(8))
		for j := range b {
			b[j] = byte(r.Intn(256))
		}
		switch i % 4 {
		case 0:
			ins = append(ins, strconv.Quote(string(b)))
		case 1:
			ins = append(ins, strconv.QuoteToASCII(string(b)))
		case 2:
			ins = append(ins, strconv.QuoteRune(rune(r.Intn(0x110000))))
		default:
			ins = append(ins, `"`+string(b)+`"`)
		}
	}
	for _, in := range ins {
		out, err := strconv.Unquote(in)
		emit("Unquote", in, out, err)
		out, err = strconv.QuotedPrefix(in)
		emit("QuotedPrefix", in, out, err)
	}
}
