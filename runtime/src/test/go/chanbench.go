// The Go side of gopl.runtime.conc.bench.ChanBench: same workloads, same output format.
// Run: go run runtime/src/test/go/chanbench.go
package main

import (
	"fmt"
	"sync"
	"time"
)

func pingPong(rounds int) {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v
		}
	}()
	x := 0
	for i := 0; i < rounds; i++ {
		ping <- x
		x = <-pong
	}
	close(ping)
}

func spawnJoin(n int) {
	var wg sync.WaitGroup
	wg.Add(n)
	for i := 0; i < n; i++ {
		go wg.Done()
	}
	wg.Wait()
}

func main() {
	rounds := 200000
	for rep := 0; rep < 3; rep++ {
		t0 := time.Now()
		pingPong(rounds)
		fmt.Printf("pingpong  %8.0f ns/roundtrip\n", float64(time.Since(t0).Nanoseconds())/float64(rounds))
		t0 = time.Now()
		spawnJoin(100000)
		fmt.Printf("spawnjoin %8.0f ns/goroutine\n", float64(time.Since(t0).Nanoseconds())/100000)
	}
}
