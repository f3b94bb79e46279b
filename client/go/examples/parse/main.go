// Command parse parses a file through a lede server and prints its title
// and body:
//
//	go run ./examples/parse localhost:50051 page.html [URL]
package main

import (
	"context"
	"fmt"
	"os"

	lede "github.com/lede-project/lede/client/go"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: parse HOST:PORT FILE [URL]")
		os.Exit(2)
	}
	page, err := os.ReadFile(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var opts []lede.ParseOption
	if len(os.Args) > 3 {
		opts = append(opts, lede.WithURL(os.Args[3]))
	}
	ctx := context.Background()
	client, err := lede.Dial(ctx, os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer client.Close()
	article, err := client.Parse(ctx, page, opts...)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(article.GetTitle())
	fmt.Println(article.GetText())
}
