// gen_floats.go writes floats.txt: how Go 1.19 formats many float64 and float32 values.
// Each line is "kind<TAB>bits<TAB>spec<TAB>expected" where kind is
//   f64 / f32: fmt.Sprintf(spec, v) of a float64 / float32 value,
//   F64 / F32: strconv.FormatFloat(v, spec[0], atoi(spec[1:]), 64 / 32),
// and bits is the value's IEEE bits in hex.
//
// Usage (from the repository root):
//
//	go run runtime/src/test/resources/gopl/runtime/fmt/gen/gen_floats.go \
//	    > runtime/src/test/resources/gopl/runtime/fmt/floats.txt
package main

import (
	"fmt"
	"math"
	"math/rand"
	"strconv"
)

var common = []string{"%v", "%g", "%e", "%.3f", "%8.2f"}
var extra = []string{"%.0f", "%.1e", "%G", "%E", "%.17g", "%.5g", "%x", "%X", "%.3x", "%b",
	"%+.3e", "% .2f", "%010.3f", "%-10.4g|", "%#g", "%#.3x", "%#v", "%#.0f", "%#e", "%+v",
	"%12.4E", "%.20f", "%.30e", "%08v", "%+08.2f", "%.0e", "%#.0e", "%.1g", "%#.4g", "%.g", "%F"}
var strconvFmts = []string{"e-1", "f-1", "g-1", "G-1", "e0", "e5", "e16", "e17", "e25", "f0", "f2", "f10",
	"g1", "g3", "g15", "g17", "g21", "b-1", "x-1", "x0", "x4", "x13", "x20"}

func specials64() []float64 {
	vs := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.2, 0.3, 1.5, 2.5, 0.5, -0.5, 3.5,
		1e23, 1e22, 1e21, 1e20, 123456789, 1234567, 123456, 1e6, 1e-4, 1e-5, 0.0001234, 0.00001234,
		100, 1000000, 9999999, 5e-324, math.SmallestNonzeroFloat64, math.MaxFloat64,
		2.2250738585072014e-308, 2.225073858507201e-308, math.Pi, math.E, 1.0 / 3, 2.0 / 3,
		float64(1 << 53), float64(1<<53 + 2), float64(1 << 62), 1.005, 1.015, 1.025, 0.125, 0.375,
		9.5, 10.5, 99.5, 0.05, 0.15, 0.25, 0.35, 1e15, 1e16, 1e17, 123456789012345678,
		math.Inf(1), math.Inf(-1), math.NaN(), 5e-310, 1.7976931348623157e308, 4.9406564584124654e-324,
		8.41e21, 5.5e-6, 9.999999e-5, 0.000099999, 999999.5, 999999.4, 9999995, 0.9999999, 0.99999995}
	for e := -30; e <= 30; e++ {
		p := math.Pow(10, float64(e))
		vs = append(vs, p, math.Nextafter(p, 0), math.Nextafter(p, math.Inf(1)), 5*p, 1.5*p)
	}
	for e := -1074; e <= 1023; e += 37 {
		p := math.Ldexp(1, e)
		vs = append(vs, p, math.Nextafter(p, 0), math.Nextafter(p, math.Inf(1)))
	}
	return vs
}

func random64(r *rand.Rand, i int) float64 {
	switch i % 6 {
	case 0:
		for {
			f := math.Float64frombits(r.Uint64())
			if !math.IsNaN(f) && !math.IsInf(f, 0) {
				return f
			}
		}
	case 1:
		return r.Float64()
	case 2:
		return (r.Float64() - 0.5) * math.Pow(10, float64(r.Intn(40)-20))
	case 3:
		return float64(r.Int63n(1<<53)) / math.Pow(10, float64(r.Intn(20)))
	case 4:
		return float64(r.Intn(100000)) / 1000 // decimal-looking values: halfway cases for %.2f
	default:
		return float64(r.Int63()) * math.Pow(2, float64(r.Intn(200)-100))
	}
}

func random32(r *rand.Rand, i int) float32 {
	switch i % 4 {
	case 0:
		for {
			f := math.Float32frombits(r.Uint32())
			if !math.IsNaN(float64(f)) && !math.IsInf(float64(f), 0) {
				return f
			}
		}
	case 1:
		return r.Float32()
	case 2:
		return float32((r.Float64() - 0.5) * math.Pow(10, float64(r.Intn(30)-15)))
	default:
		return float32(r.Intn(100000)) / 1000
	}
}

func emit64(v float64, fmts []string) {
	for _, f := range fmts {
		fmt.Printf("f64\t%x\t%s\t%s\n", math.Float64bits(v), f, fmt.Sprintf(f, v))
	}
}

func emit32(v float32, fmts []string) {
	for _, f := range fmts {
		fmt.Printf("f32\t%x\t%s\t%s\n", math.Float32bits(v), f, fmt.Sprintf(f, v))
	}
}

func emitStrconv(kind string, bits uint64, v float64, size int) {
	for _, s := range strconvFmts {
		prec, _ := strconv.Atoi(s[1:])
		fmt.Printf("%s\t%x\t%s\t%s\n", kind, bits, s, strconv.FormatFloat(v, s[0], prec, size))
	}
}

func main() {
	r := rand.New(rand.NewSource(19))
	for _, v := range specials64() {
		emit64(v, append(append([]string{}, common...), extra...))
		emitStrconv("F64", math.Float64bits(v), v, 64)
		emit32(float32(v), common)
	}
	for i := 0; i < 10000; i++ {
		v := random64(r, i)
		emit64(v, common)
		if i%10 == 0 {
			emit64(v, extra)
			emitStrconv("F64", math.Float64bits(v), v, 64)
		}
	}
	for i := 0; i < 4000; i++ {
		v := random32(r, i)
		emit32(v, common)
		if i%10 == 0 {
			emit32(v, extra)
			emitStrconv("F32", uint64(math.Float32bits(v)), float64(v), 32)
		}
	}
}
