// gen_values.go writes values.txt: how Go 1.19's fmt prints composite values, methods,
// panics in methods, nil values and malformed formats. Each line is "id<TAB>expected-hex".
// GoFmtValuesTest builds the same values through the GoValue views, case by case, under the
// same ids. Addresses are not deterministic in Go and are tested separately.
//
// Usage (from the repository root):
//
//	go run runtime/src/test/resources/gopl/runtime/fmt/gen/gen_values.go \
//	    > runtime/src/test/resources/gopl/runtime/fmt/values.txt
package main

import (
	"encoding/hex"
	"errors"
	"fmt"
	"math"
)

type T struct {
	X int
	y string
}

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Boom struct{}

func (Boom) String() string { panic("boom") }

type BoomErr struct{}

func (BoomErr) String() string { panic(errors.New("bad thing")) }

type PtrS struct{ v int }

func (p *PtrS) String() string { return fmt.Sprint("PtrS", p.v) }

type E struct{ msg string }

func (e E) Error() string { return "E:" + e.msg }

type Both int

func (Both) Error() string  { return "error wins" }
func (Both) String() string { return "string loses" }

type GS int

func (GS) GoString() string { return "GS!" }
func (GS) String() string   { return "gs" }

type Inner struct{ A int }
type Outer struct {
	Inner
	B int
}

type Holder struct {
	Temp  Celsius
	temp  Celsius
	Any   interface{}
	Err   error
	Next  *T
	Names []string
	M     map[string]int
}

type B []byte
type Ints []int
type Key struct {
	A int
	B string
}

func emit(id string, s string) {
	fmt.Printf("%s\t%s\n", id, hex.EncodeToString([]byte(s)))
}

func all(id string, v interface{}) {
	for _, f := range []string{"%v", "%+v", "%#v", "%T", "%d", "%s", "%x", "%q", "%5v", "%-6v|", "%t"} {
		emit(id+" "+f, fmt.Sprintf(f, v))
	}
}

func main() {
	all("ints", []int{1, -2, 3})
	all("nilints", []int(nil))
	all("emptyints", []int{})
	all("strs", []string{"a", "b c"})
	all("arr", [3]int{7, 8, 9})
	all("map", map[string]int{"b": 2, "a": 1, "c": 3})
	all("nilmap", map[string]int(nil))
	all("intmap", map[int]string{10: "x", -5: "y", 3: "z"})
	all("T", T{1, "x"})
	all("ptrT", &T{2, "y"})
	all("nilptrT", (*T)(nil))
	all("ifaces", []interface{}{1, "a", nil, 2.5, T{3, "z"}, true})
	all("celsius", Celsius(21.5))
	all("celsiuses", []Celsius{1, 2})
	all("boom", Boom{})
	all("boomerr", BoomErr{})
	all("nilPtrS", (*PtrS)(nil))
	all("ptrS", &PtrS{4})
	all("PtrSval", PtrS{5})
	all("E", E{"m"})
	all("both", Both(1))
	all("gs", GS(2))
	all("outer", Outer{Inner{1}, 2})
	all("holder", Holder{Temp: 20, temp: 30, Names: []string{"n"}, M: map[string]int{"k": 1}})
	all("holder2", Holder{Any: Celsius(5), Err: E{"x"}})
	all("bytes", []byte("hi\x00"))
	all("nilbytes", []byte(nil))
	all("B", B("ab"))
	all("bytearr", [3]byte{'a', 'b', 'c'})
	all("Ints", Ints{4, 5})
	all("nested", map[string][]int{"z": {1}, "a": nil})
	all("grid", [][]string{{"a"}, {}})
	all("float32s", []float32{1.1, 0.1, 16777216})
	all("floatmap", map[float64]string{math.NaN(): "nan", math.Inf(-1): "-inf", 0: "zero", 2.5: "x"})
	all("boolmap", map[bool]int{true: 1, false: 0})
	all("keymap", map[Key]int{{2, "a"}: 1, {1, "b"}: 2, {1, "a"}: 3})
	all("arrmap", map[[2]int]bool{{2, 1}: true, {1, 9}: false})
	all("ifacemap", map[interface{}]int{3: 1, nil: 0, 1: 2})
	all("celsiusmap", map[Celsius]Celsius{2: 3, 1: 4})
	all("uints", []uint{1, 255})
	all("uint8", uint8(200))
	all("bool", true)
	all("str", "héllo\n")
	all("f64", 1e6)
	all("f64b", 3.0)
	all("emptystruct", struct{}{})
	all("anon", struct {
		A int
		b []string
	}{1, []string{"q"}})
	all("nilfunc", (func())(nil))
	all("nilchan", (chan int)(nil))
	all("nilerr", []error{nil, E{"y"}})
	all("ptrInts", &[]int{1})
	all("ptrMap", &map[string]int{"a": 1})
	all("ptrArr", &[2]string{"a", "b"})

	emit("nil %v", fmt.Sprintf("%v", nil))
	emit("nil %d", fmt.Sprintf("%d", nil))
	emit("nil %T", fmt.Sprintf("%T", nil))
	emit("nil %5v", fmt.Sprintf("%5v|", nil))
	emit("missing", fmt.Sprintf("%d %s"))
	emit("missing2", fmt.Sprintf("%d %s", 1))
	emit("extra", fmt.Sprintf("%d", 1, "x", nil, 2.5))
	emit("noverb", fmt.Sprintf("%", 1))
	emit("noverb2", fmt.Sprintf("abc%-"))
	emit("badwidth", fmt.Sprintf("%*d", "x", 5))
	emit("badprec", fmt.Sprintf("%.*d", "x", 5))
	emit("negwidth", fmt.Sprintf("%*d|", -5, 7))
	emit("negprec", fmt.Sprintf("%.*d|", -5, 7))
	emit("starwidth", fmt.Sprintf("%*d|%-*d|", 4, 1, 3, 2))
	emit("starprec", fmt.Sprintf("%.*f", 2, math.Pi))
	emit("bigwidth", fmt.Sprintf("%100000000d|%.100000000d", 1, 2))
	emit("bigstar", fmt.Sprintf("%*d", 10000000, 1))
	emit("uintstar", fmt.Sprintf("%*d|", uint8(3), 1))
	emit("index", fmt.Sprintf("%[2]d %[1]d", 1, 2))
	emit("index2", fmt.Sprintf("%[3]d", 1, 2))
	emit("index3", fmt.Sprintf("%[1]d %d %d", 1, 2))
	emit("index4", fmt.Sprintf("%[2]*[1]d|", 12, 5))
	emit("index5", fmt.Sprintf("%[x]d %d", 1, 2))
	emit("index6", fmt.Sprintf("%[1]", 1))
	emit("index7", fmt.Sprintf("%[0]d", 1))
	emit("index8", fmt.Sprintf("%3.[2]d", 7))
	emit("index9", fmt.Sprintf("%[2]3d", 7, 8))
	emit("index10", fmt.Sprintf("%.[2]d", 7, 8))
	emit("index11", fmt.Sprintf("%[3]*.[2]*[1]f", 12.0, 2, 6))
	emit("percent", fmt.Sprintf("%5%|%-5%|%d", 3))
	emit("unicodeverb", fmt.Sprintf("%☺", 3))
	emit("badverbs", fmt.Sprintf("%z %!", 1, "s"))
	emit("sprint", fmt.Sprint("a", 1, 2, "b", 3.0, nil, true, "c", "d", []int{1}, T{}))
	emit("sprint2", fmt.Sprint(1, 2, Celsius(3), "x", nil, nil))
	emit("sprintln", fmt.Sprintln("a", 1, 2, "b", nil, E{"z"}))
	emit("sprintln0", fmt.Sprintln())
	emit("flags1", fmt.Sprintf("%+d %+d % d % d %+ d", 5, -5, 5, -5, 5))
	emit("flags2", fmt.Sprintf("%08.3f|%-08.3f|%+08d|%x|%X|% x|%#x", -3.14159, 2.5, 42, "hello", []byte{1, 171}, "abc", "abc"))
	emit("flags3", fmt.Sprintf("%#o %#b %O %#X %#q %+q %#U", 8, 5, 8, 255, "back`tick", "ü", 0x1F600))
	emit("strs1", fmt.Sprintf("%5.1s|%-5s|%.2s|%5s|%.0s|", "日本語", "日", "日本語", "\xff", "abc"))
	emit("strs2", fmt.Sprintf("%q %+q %#q %#+q %x % X %#x", "日本\x01", "日本", "raw\tx", "a`b", "日", "ab", ""))
	emit("errorf", fmt.Errorf("wrapped: %w", E{"inner"}).Error())
	emit("errorfbad", fmt.Sprintf("%w", E{"inner"}))
	emit("errorfbad2", fmt.Errorf("%w %w", E{"a"}, E{"b"}).Error())
	emit("errorfnonerr", fmt.Errorf("%w", 5).Error())
	emit("hexfloat", fmt.Sprintf("%x %X %#x %.2x %b", 1.0, -2.5, 3.0, math.Pi, 1.0))
	emit("widthcomposite", fmt.Sprintf("%6.2f|%-4d|%03d", []float64{1, 2.345}, []int{1, 22}, map[string]int{"a": 5}))
}
