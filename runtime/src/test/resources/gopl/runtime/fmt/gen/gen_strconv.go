// gen_strconv.go writes strconv.txt: Go 1.19's ParseInt, ParseUint, Atoi, ParseFloat and
// ParseBool results (value and error text) for tricky and random inputs. Each line is
// "function<TAB>base<TAB>bitSize<TAB>input-hex<TAB>value<TAB>error" (floats as
// strconv.FormatFloat(v, 'g', -1, 64); error "<nil>" when none).
//
// Usage (from the repository root):
//
//	go run runtime/src/test/resources/gopl/runtime/fmt/gen/gen_strconv.go \
//	    > runtime/src/test/resources/gopl/runtime/fmt/strconv.txt
package main

import (
	"encoding/hex"
	"fmt"
	"math/rand"
	"strconv"
)

var ints = []string{"", "0", "-0", "+0", "1", "-1", "+1", "42", "-42", "x", "1x", "x1", " 1", "1 ", "-", "+",
	"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
	"18446744073709551615", "18446744073709551616", "99999999999999999999x", "123456789012345678",
	"1234567890123456789", "127", "128", "-128", "-129", "255", "256", "32767", "32768", "65535", "65536",
	"2147483647", "2147483648", "-2147483648", "4294967295", "4294967296", "0x1f", "0X1F", "0b101",
	"0B2", "0o17", "0O8", "017", "08", "0x", "0b", "0o", "1_000", "1__000", "_1000", "1000_", "0x_1f",
	"0_17", "0b_1", "-1_0", "zz", "ZZ", "Zz", "7fffffffffffffff", "8000000000000000", "ffffffffffffffff",
	"10000000000000000", "1010", "777", "-0x10", "+0b11", "1.5", "1e3", "٣", "\xff"}

var floats = []string{"", "0", "-0", "+0", "1", "1.5", "-1.5", ".5", "5.", ".", "-.", "1e3", "1E3", "1e+3",
	"1e-3", "1e", "1e+", "e3", "1.5e-310", "1e-400", "-1e-400", "1e400", "-1e400", "1.7976931348623157e308",
	"1.7976931348623159e308", "4.9e-324", "2.4e-324", "2.5e-324", "inf", "+Inf", "-INF", "infinity",
	"-Infinity", "infin", "nan", "NaN", "-nan", "+NaN", "nanx", "0x1p3", "0x1.8p1", "0X1P-2", "0x1", "0x.8p1",
	"0x1.fffffffffffff8p1023", "0x1p-1075", "0x1p-1074", "0x1p1024", "0x", "0xp1", "1_000.5", "1_000e1_0",
	"0x_1p0", "_1", "1_", "1__0", "1.5_", "0.1", "0.2", "0.3", "3.4028235e38", "3.4028236e38", "1e39",
	"1.401298464324817e-45", "7e-46", "123456789012345678901234567890", "0.000000000000000000000000000001",
	"1.00000005960464477539", "1.0000000596046448", "16777217", "9007199254740993", "1e23", "8.41e21",
	"1x", "1.2.3", "--1", "1e1.5", " 1", "0e0", "0e-99999", "1e99999", "0x1p99999", "4e38", "1.5p3"}

var bools = []string{"1", "t", "T", "true", "TRUE", "True", "0", "f", "F", "false", "FALSE", "False",
	"tRUE", "yes", "", "2", " true"}

func line(fn string, base, bits int, in, val string, err error) {
	fmt.Printf("%s\t%d\t%d\t%s\t%s\t%v\n", fn, base, bits, hex.EncodeToString([]byte(in)), val, err)
}

func main() {
	r := rand.New(rand.NewSource(11))
	in := append([]string{}, ints...)
	for i := 0; i < 120; i++ {
		digits := "0123456789abcdefxz_-+"
		b := make([]byte, 1+r.Intn(22))
		for j := range b {
			b[j] = digits[r.Intn(len(digits)-(i%2)*11)]
		}
		in = append(in, string(b))
	}
	for _, s := range in {
		for _, base := range []int{0, 2, 8, 10, 16, 36, 1, 37} {
			for _, bits := range []int{0, 8, 16, 32, 64, 65, -1} {
				v, err := strconv.ParseInt(s, base, bits)
				line("ParseInt", base, bits, s, fmt.Sprint(v), err)
				u, err := strconv.ParseUint(s, base, bits)
				line("ParseUint", base, bits, s, fmt.Sprint(u), err)
			}
		}
		v, err := strconv.Atoi(s)
		line("Atoi", 10, 0, s, fmt.Sprint(v), err)
	}
	fin := append([]string{}, floats...)
	for i := 0; i < 2000; i++ {
		var s string
		switch i % 4 {
		case 0:
			s = fmt.Sprintf("%de%d", r.Int63n(1e18), r.Intn(700)-350)
		case 1:
			s = fmt.Sprintf("0.%0*d", 1+r.Intn(30), r.Int63())
		case 2:
			s = fmt.Sprintf("%x", r.Uint64())
			s = "0x" + s[:1] + "." + s[1:] + fmt.Sprintf("p%d", r.Intn(300)-150)
		default:
			s = fmt.Sprintf("%d.%de%d", r.Intn(1000), r.Int63n(1e15), r.Intn(90)-45)
		}
		fin = append(fin, s)
	}
	for _, s := range fin {
		for _, bits := range []int{64, 32} {
			f, err := strconv.ParseFloat(s, bits)
			line("ParseFloat", 0, bits, s, strconv.FormatFloat(f, 'g', -1, 64), err)
		}
	}
	for _, s := range bools {
		b, err := strconv.ParseBool(s)
		line("ParseBool", 0, 0, s, fmt.Sprint(b), err)
	}
}
