module github.com/gaianet-go/gaianet/kernels/asm

go 1.26.8

require (
	github.com/gaianet-go/gaianet v0.0.0
	github.com/mmcloughlin/avo v0.5.0
)

require (
	golang.org/x/mod v0.6.0 // indirect
	golang.org/x/sys v0.50.0 // indirect
	golang.org/x/tools v0.2.0 // indirect
)

replace github.com/gaianet-go/gaianet => ../..
