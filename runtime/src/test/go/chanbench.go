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

func mutexHammer(goroutines, each int) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	wg.Add(goroutines)
	for g := 0; g < goroutines; g++ {
		go func() {
			for i := 0; i < each; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
			wg.Done()
		}()
	}
	wg.Wait()
	if counter != goroutines*each {
		panic(counter)
	}
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
		t0 = time.Now()
		mutexHammer(100, 2000)
		fmt.Printf("mutex     %8.0f ns/lock (100 goroutines)\n", float64(time.Since(t0).Nanoseconds())/200000)
	}
}
