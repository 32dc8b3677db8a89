module redis-in-gopl

go 1.15
