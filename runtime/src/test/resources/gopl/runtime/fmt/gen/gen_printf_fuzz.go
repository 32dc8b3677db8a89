// gen_printf_fuzz.go writes printf_fuzz.txt: Go 1.19's Sprintf of random format strings (random
// flags, argument indexes, widths and precisions, * operands, good and bad verbs) over random
// operand lists drawn from a fixed pool that PrintfFuzzTest rebuilds in Java. Each line is
// "format-hex<TAB>operand-indexes<TAB>expected-hex" (indexes comma-separated, "-" for none).
//
// Usage (from the repository root):
//
//	go run runtime/src/test/resources/gopl/runtime/fmt/gen/gen_printf_fuzz.go \
//	    > runtime/src/test/resources/gopl/runtime/fmt/printf_fuzz.txt
package main

import (
	"encoding/hex"
	"fmt"
	"math"
	"math/rand"
	"strings"
)

type T struct {
	A int
	b string
}

// The pool; PrintfFuzzTest.POOL must list the same values in the same order.
var pool = []interface{}{
	42, -7, uint8(200), 3.25, float32(-0.5), "héllo", true, nil, []int{1, 2},
	map[string]int{"a": 1, "b": 2}, T{1, "x"}, []byte("hi"), int64(math.MaxInt64), "", int32('x'),
	uint64(math.MaxUint64), math.Inf(-1), 1e-7, []string{"a", "b"}, &T{2, "y"},
}

const flags = "#0+- "
const verbs = "vdsqxXobceEfFgGtTUpzO%"

func randFormat(r *rand.Rand) string {
	var b strings.Builder
	n := 1 + r.Intn(3)
	for i := 0; i < n; i++ {
		if r.Intn(3) == 0 {
			b.WriteString("ab")
		}
		b.WriteByte('%')
		for j := r.Intn(3); j > 0; j-- {
			b.WriteByte(flags[r.Intn(len(flags))])
		}
		if r.Intn(6) == 0 {
			fmt.Fprintf(&b, "[%d]", r.Intn(5))
		}
		switch r.Intn(4) {
		case 0:
			fmt.Fprintf(&b, "%d", r.Intn(12))
		case 1:
			b.WriteByte('*')
		}
		switch r.Intn(4) {
		case 0:
			fmt.Fprintf(&b, ".%d", r.Intn(8))
		case 1:
			b.WriteString(".*")
		case 2:
			b.WriteString(".")
		}
		if r.Intn(8) == 0 {
			fmt.Fprintf(&b, "[%d]", r.Intn(5))
		}
		if r.Intn(30) != 0 {
			b.WriteByte(verbs[r.Intn(len(verbs))])
		}
	}
	return b.String()
}

func main() {
	r := rand.New(rand.NewSource(2022))
	for i := 0; i < 10000; i++ {
		f := randFormat(r)
		k := r.Intn(5)
		var idx []string
		var args []interface{}
		for j := 0; j < k; j++ {
			p := r.Intn(len(pool))
			// Widths and precisions from * want small ints sometimes.
			if r.Intn(3) == 0 {
				p = 1 // -7
			}
			idx = append(idx, fmt.Sprint(p))
			args = append(args, pool[p])
		}
		ids := strings.Join(idx, ",")
		if ids == "" {
			ids = "-"
		}
		out := fmt.Sprintf(f, args...)
		if strings.Contains(f, "p") { // %p prints addresses, which differ per run
			continue
		}
		fmt.Printf("%s\t%s\t%s\n", hex.EncodeToString([]byte(f)), ids, hex.EncodeToString([]byte(out)))
	}
}
