// gen_ints.go writes ints.txt: fmt.Sprintf of integers of every width in every integer verb
// with flag, width and precision combinations, as Go 1.19 prints them. Each line is
// "type<TAB>value<TAB>format<TAB>expected" (value in decimal, expected output in hex
// because %c may print control characters).
//
// Usage (from the repository root):
//
//	go run runtime/src/test/resources/gopl/runtime/fmt/gen/gen_ints.go \
//	    > runtime/src/test/resources/gopl/runtime/fmt/ints.txt
package main

import (
	"encoding/hex"
	"fmt"
	"math"
	"math/rand"
)

var verbs = []string{"d", "b", "o", "O", "x", "X", "c", "q", "U", "v", "s", "t", "e", "f"}
var flags = []string{"", "+", "-", "#", " ", "0", "+0", "-0", "# ", "#0", "+#", " 0", "+-"}
var sizes = []string{"", "5", "12", ".0", ".3", "8.3", "1.1", "25"}

func cases(r *rand.Rand) []any {
	vs := []any{0, 1, -1, 42, -42, 255, 65, 0x263A, 0x10FFFF, 0x110000, 0xD800, 0x7F, 9, -9,
		math.MaxInt64, math.MinInt64,
		int8(0), int8(-128), int8(127), int8(-1), int16(-32768), int16(32767), int32(-2147483648),
		int32(2147483647), int32('x'), int64(math.MinInt64), int64(math.MaxInt64),
		uint(0), uint(math.MaxUint64), uint8(0), uint8(255), uint8('A'), uint16(65535),
		uint32(math.MaxUint32), uint64(math.MaxUint64), uint64(1 << 63), uintptr(0xc000012345)}
	for i := 0; i < 60; i++ {
		switch i % 6 {
		case 0:
			vs = append(vs, int(r.Uint64()))
		case 1:
			vs = append(vs, r.Uint64())
		case 2:
			vs = append(vs, int32(r.Uint32()))
		case 3:
			vs = append(vs, uint16(r.Uint32()))
		case 4:
			vs = append(vs, int8(r.Uint32()))
		default:
			vs = append(vs, r.Intn(2000)-1000)
		}
	}
	return vs
}

func main() {
	r := rand.New(rand.NewSource(7))
	for i, v := range cases(r) {
		for _, verb := range verbs {
			for fi, fl := range flags {
				for si, sz := range sizes {
					// All combinations for the first values, a sample for the rest.
					if i >= 12 && (fi+si+i)%5 != 0 {
						continue
					}
					f := "%" + fl + sz + verb
					fmt.Printf("%T\t%d\t%s\t%s\n", v, v, f, hex.EncodeToString([]byte(fmt.Sprintf(f, v))))
				}
			}
		}
	}
}
